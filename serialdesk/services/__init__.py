"""Services: one user action = one call = one transaction; they return frozen DTOs and raise DomainError."""
