import sys


def work(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    print("result", work(n), len(sys.argv))
    sys.exit(3)
if __name__ == "__main__":
    main()
