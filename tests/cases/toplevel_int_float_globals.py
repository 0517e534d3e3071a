x = 1
for i in range(3):
    x += 0.5
print(x)
y = 2.5
for i in range(3):
    y = i
print(y)
z = 3
if z > 2:
    z = z / 2
print(z)
