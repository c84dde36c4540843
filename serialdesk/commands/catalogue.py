"""product add / set / slot / list, supplier add, customer add / find / show."""

from __future__ import annotations

import argparse
from functools import partial

from serialdesk.commands.context import Context
from serialdesk.commands.output import local
from serialdesk.services.product_settings import Buying


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    products = sub.add_parser("product", help="products").add_subparsers(dest="product_command", required=True)
    p = products.add_parser("add", parents=[common], help="add a product")
    p.add_argument("sku")
    p.add_argument("--name", required=True)
    p.add_argument("--gtin")
    p.add_argument("--cost")
    p.add_argument("--price")
    p.add_argument("--warranty-months", type=int, default=0)
    p.add_argument("--serial-pattern")
    p.add_argument("--serial-source", default="supplier", choices=["supplier", "generated", "either"])
    p.add_argument("--serial-regex")
    p.add_argument("--serial-case", default="upper", choices=["upper", "preserve"])
    p.add_argument("--supplier-warranty-months", type=int, default=0, help="the supplier's warranty to us")
    p.add_argument("--repair-extension-months", type=int, default=0,
                   help="months of warranty a repair under warranty adds (from the repair)")
    p.add_argument("--gs1-safe", action="store_true",
                   help="serials must fit a GS1 barcode (AI 21): others are refused at receiving")
    _buying_options(p)
    p.add_argument("--tax-rate", choices=["standard", "reduced", "zero"], help="VAT class (default standard)")
    p.set_defaults(handler=run_product_add)
    p = products.add_parser("set", parents=[common], help="change a product: name, prices, warranty, barcode, buying")
    p.add_argument("sku")
    p.add_argument("--name")
    p.add_argument("--gtin", help="the barcode ('' removes it)")
    p.add_argument("--cost")
    p.add_argument("--price")
    p.add_argument("--warranty-months", type=int)
    p.add_argument("--supplier-warranty-months", type=int)
    p.add_argument("--repair-extension-months", type=int)
    _buying_options(p)
    p.set_defaults(handler=run_product_set)
    p = products.add_parser("slot", parents=[common], help="declare a part the product takes (swaps fit only these)")
    p.add_argument("sku")
    p.add_argument("--part", required=True, metavar="PART_SKU")
    p.add_argument("--count", type=int, default=1, help="how many of this part one unit takes (0 removes it)")
    p.set_defaults(handler=run_product_slot)
    p = products.add_parser("list", parents=[common], help="list products")
    p.set_defaults(handler=run_product_list)

    suppliers = sub.add_parser("supplier", help="suppliers").add_subparsers(dest="supplier_command", required=True)
    p = suppliers.add_parser("add", parents=[common], help="add a supplier")
    p.add_argument("name")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.set_defaults(handler=run_supplier_add)

    customers = sub.add_parser("customer", help="customers").add_subparsers(dest="customer_command", required=True)
    p = customers.add_parser("add", parents=[common], help="add a customer")
    p.add_argument("name")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--address")
    p.set_defaults(handler=run_customer_add)
    p = customers.add_parser("find", parents=[common], help="find customers by name, phone or e-mail")
    p.add_argument("text")
    p.set_defaults(handler=run_customer_find)
    p = customers.add_parser("show", parents=[common], help="a customer's purchases, warranties and tickets")
    p.add_argument("customer", metavar="CUSTOMER", help="number (C-0001) or exact name")
    p.set_defaults(handler=run_customer_show)


def _buying_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lead-time-days", type=int, metavar="N",
                   help="the supplier's lead time, used until purchase orders have measured one")
    p.add_argument("--pack-size", type=int, metavar="N", help="the supplier sells in packs of N (orders round up)")
    p.add_argument("--service-level", metavar="P",
                   help="chance of not running out while a delivery comes, e.g. 0.95 or 98%%")


def _buying(a: argparse.Namespace) -> Buying:
    return Buying(a.lead_time_days, a.pack_size, a.service_level)


def run_product_set(ctx: Context) -> int:
    a = ctx.args
    product = ctx.services.product_settings.set_product(
        a.sku, _buying(a), name=a.name, cost=a.cost, price=a.price, warranty_months=a.warranty_months,
        supplier_warranty_months=a.supplier_warranty_months, repair_extension_months=a.repair_extension_months,
        gtin=a.gtin)
    return ctx.emit(product, f"Product {product.sku} changed: {', '.join(product.changed)}.")


def run_product_add(ctx: Context) -> int:
    a = ctx.args
    buying = _buying(a)
    # Without buying settings the product comes back as it always has (ProductView); with them, with them.
    add = (ctx.services.catalogue.add_product if buying == Buying()
           else partial(ctx.services.product_settings.add_product, buying=buying))
    product = add(
        a.sku, a.name, gtin=a.gtin, cost=a.cost, price=a.price, warranty_months=a.warranty_months,
        serial_pattern=a.serial_pattern, serial_source=a.serial_source, serial_regex=a.serial_regex,
        serial_case=a.serial_case, supplier_warranty_months=a.supplier_warranty_months,
        repair_extension_months=a.repair_extension_months, serial_gs1_safe=a.gs1_safe,
    )
    if a.tax_rate and a.tax_rate != "standard":  # issue 18: the product's VAT class (its % is the shop's)
        ctx.services.shop.set_product_tax_rate(product.sku, a.tax_rate)
    return ctx.emit(product, f"Product {product.sku} ({product.name}) added.")


def run_product_slot(ctx: Context) -> int:
    a = ctx.args
    parts = ctx.services.catalogue.set_part(a.sku, a.part, a.count)
    return ctx.emit(parts, lambda: f"{a.sku.upper()} takes: " + (
        ", ".join(f"{p.count} × {p.part_sku} ({p.part_name})" for p in parts) or "no declared parts") + ".")


def run_product_list(ctx: Context) -> int:
    products = ctx.services.catalogue.products()
    return ctx.emit(products, lambda: "\n".join(
        f"{p.sku:<16} {p.gtin or '':<14} {p.price:>10} {p.warranty_months:>3} mo  {p.name}" for p in products
    ) or "No products yet.")


def run_supplier_add(ctx: Context) -> int:
    supplier = ctx.services.catalogue.add_supplier(ctx.args.name, phone=ctx.args.phone, email=ctx.args.email)
    return ctx.emit(supplier, f"Supplier {supplier.name} added as {supplier.number}.")


def run_customer_add(ctx: Context) -> int:
    a = ctx.args
    customer = ctx.services.catalogue.add_customer(a.name, phone=a.phone, email=a.email, address=a.address)
    return ctx.emit(customer, f"Customer {customer.name} added as {customer.number}.")


def run_customer_find(ctx: Context) -> int:
    found = ctx.services.catalogue.find_customers(ctx.args.text)
    return ctx.emit(found, lambda: "\n".join(
        f"{c.number}  {c.name:<30} {c.phone or '':<16} {c.email or ''}" for c in found) or "No customer matches.")


def run_customer_show(ctx: Context) -> int:
    rec = ctx.services.customers.customer_record(ctx.args.customer)

    def text() -> str:
        c = rec.customer
        lines = [f"{c.number} {c.name}  {c.phone or ''}  {c.email or ''}".rstrip(),
                 f"  bought {rec.units_bought} unit(s) for {rec.total_spent}"
                 + (f", returned {rec.units_returned} ({rec.returned_value})" if rec.units_returned else "")
                 + f": net spent {rec.net_spent}"]
        for u in rec.units:
            warranty = {"in_warranty": f"warranty until {local(u.warranty_until)[:10]} ({u.warranty_days_left} d)",
                        "expired": "warranty expired", "none": "no warranty"}[u.warranty_status]
            status = "" if u.status == "sold" else f" — {u.status.replace('_', ' ')}"
            held = warranty + status if u.still_owned else f"no longer theirs ({u.status.replace('_', ' ')})"
            held += " — returned" if u.returned else ""
            lines.append(f"  {local(u.sold_at)[:10]} {u.sale} {u.sku:<14} {u.serial:<20} {u.price:>9}  {held}")
            if u.parts:
                lines.append(f"      with {', '.join(u.parts)}")
        lines += [f"  ticket {t.number} [{t.status}] {t.sku} {t.serial}: {t.problem}" for t in rec.tickets]
        return "\n".join(lines)

    return ctx.emit(rec, text)
