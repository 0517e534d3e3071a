import math


def risky(a, b):
    return math.sqrt(a) / b
results = []
for a, b in ((4.0, 2.0), (-1.0, 1.0), (9.0, 0.0), (16.0, 4.0)):
    try:
        results.append(risky(a, b))
    except ValueError as e:
        results.append("VE: " + str(e))
    except ZeroDivisionError as e:
        results.append("ZDE: " + str(e))
    finally:
        results.append("|")
print(results)
