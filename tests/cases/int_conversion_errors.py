def conv(x):
    return int(x), round(x), float(int(x))
print(conv(2.5), conv(-2.5), conv(3.5), conv(1e18))
for v in (float("inf"), float("nan"), -float("inf")):
    try:
        print(conv(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(conv(1e300))


def from_text():
    return float("abc") + int("7")


try:
    from_text()
except ValueError as e:
    print("ValueError", e)
