"""CSV cells a spreadsheet would run as formulas, written as text (OWASP's rule for CSV injection): a cell that
starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which spreadsheets read as "this is
text" and do not show. A cell that starts with an apostrophe gets one more, so that reading a cell back (restore)
is exact: an export imports back unchanged."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, "'")):
        return f"'{value}"
    return value


def restore(value):
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]
    return value
