# modjit: strict
# sum / min / max of a slice of a function's own array add its items in
# place (the array stays a buffer): bounds wrapped and clamped as CPython's
# slices take them, an empty slice (an int sum is 0; a float sum or min/max
# of nothing runs on CPython, which gives 0 or raises), NaNs kept as max keeps them.


def phi_sum(n):
    phi = list(range(n + 1))
    for i in range(2, n + 1):
        if phi[i] == i:
            for j in range(i, n + 1, i):
                phi[j] -= phi[j] // i
    return sum(phi[1:]), max(phi[2:]), min(phi[n // 2:])


def parts(n, a, b):
    dp = [0.5] * n
    for i in range(n):
        dp[i] = (i * 7 % 11) / 3.0
    flags = [True] * n
    flags[3] = False
    ints = list(range(n))
    return (sum(dp[a:b]), max(dp[a:]), min(dp[:b]), sum(dp[-3:]), sum(dp[-b:-a]),
            sum(flags[a:b]), min(flags[1:5]), sum(ints[b:a]), sum(ints[-2 * n:a]), max(ints[:b]))


def with_nan(n):
    v = [1.0] * n
    v[1] = float("nan")
    v[3] = 5.0
    return max(v[1:]), max(v[2:]), min(v[:3])


print(phi_sum(10000))
print(parts(20, 2, 9))
print(parts(20, -5, 100))
print(parts(20, 9, 2))
print(parts(20, 3, 40))
print(with_nan(6))
try:
    print(parts(20, 25, 30))
except ValueError as e:
    print("ValueError", e)
