"""Documents made from service results: recall CSV and customer letters (shared by the CLI and the GUI)."""
