# modjit: traceback
# A deep compiled recursion fails at the bottom; CPython code catches it once and
# counts the frames, then the uncaught one prints with its repeated lines folded.
import traceback


def down(n):
    if n == 0:
        return [1, 2][n + 5]
    return down(n - 1) + 1


def main():
    try:
        down(50)
    except IndexError as e:
        frames = traceback.extract_tb(e.__traceback__)
        print("caught", e, sum(1 for f in frames if f.name == "down"))
    print(down(300))


main()
