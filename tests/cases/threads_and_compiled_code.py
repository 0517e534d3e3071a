# Threads calling compiled functions at once, and compiled loops waiting for a
# thread: compiled code runs on the program's main thread only (other threads
# run the functions on CPython), and a compiled loop lets other threads run.
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def work(seed, n):
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
    return x


results = [0] * 8


def run(i):
    results[i] = work(i, 20000)


for _ in range(3):
    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    print(work(1, 50000))
    for t in threads:
        t.join()
print(results)
with ThreadPoolExecutor(4) as pool:
    print(list(pool.map(work, range(6), [1000] * 6)))

done = False


def setter():
    global done
    time.sleep(0.05)
    done = True


threading.Thread(target=setter).start()
spins = 0
while not done:  # a compiled top-level loop: it must see the thread's write
    spins += 1
print("done")

flag = [0]
threading.Thread(target=lambda: (time.sleep(0.05), flag.__setitem__(0, 1))).start()
while flag[0] == 0:
    spins += 1
print("flag set")
