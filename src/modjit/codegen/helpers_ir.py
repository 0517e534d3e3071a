"""Internal helper functions copied into the modules that use them.

Each unit is a self-contained module (no cross-module symbols but the C API
and the SHARED helpers below), so a helper is emitted as an `internal`
definition where it is needed.
Each mirrors CPython 3.11's algorithm exactly:

- float floor division / modulo: Objects/floatobject.c float_divmod
- int <-> float comparison: exact, as float_richcompare
- round-half-even: Objects/floatobject.c double_round for ndigits=None
- float ** float: Objects/floatobject.c float_pow (libm's pow, errno as CPython reads it)

and one is the journal's record writer (codegen/emit_journal.py), kept out of line.
"""

from __future__ import annotations

from modjit.runtime import rng
from modjit.runtime.journal import (
    CLOSED,
    HASH,
    HEADROOM,
    J_FLOAT,
    J_RNG,
    J_STORE,
    JOURNAL_CAP,
    PROBES,
    TABLE_SHIFT,
)

HELPERS: dict[str, str] = {
    # fmod-based modulo with the sign of the divisor; wx != 0 checked by the caller.
    # fmod as LLVM's frem (C's fmod, lowered to a call of it): LLVM 22's InstCombine
    # folded a call of libm's fmod with a NaN operand to poison, after which a
    # branch on it let it drop the code around (x % 3.0 of a NaN x raised
    # ZeroDivisionError, or took the wrong branch); frem's NaN propagates
    "mj.fmod": """
define internal double @mj.fmod(double %vx, double %wx) nounwind alwaysinline {
  %mod = frem double %vx, %wx
  %nz = fcmp une double %mod, 0.0
  br i1 %nz, label %fix, label %zero
fix:
  %wneg = fcmp olt double %wx, 0.0
  %mneg = fcmp olt double %mod, 0.0
  %diff = xor i1 %wneg, %mneg
  %adj = fadd double %mod, %wx
  %r = select i1 %diff, double %adj, double %mod
  ret double %r
zero:
  %z = call double @copysign(double 0.0, double %wx)
  ret double %z
}""",
    "mj.ffloordiv": """
define internal double @mj.ffloordiv(double %vx, double %wx) nounwind alwaysinline {
  %mod = frem double %vx, %wx
  %sub = fsub double %vx, %mod
  %div = fdiv double %sub, %wx
  %nz = fcmp une double %mod, 0.0
  %wneg = fcmp olt double %wx, 0.0
  %mneg = fcmp olt double %mod, 0.0
  %diff = xor i1 %wneg, %mneg
  %fix = and i1 %nz, %diff
  %div1 = fsub double %div, 1.0
  %d = select i1 %fix, double %div1, double %div
  %dz = fcmp une double %d, 0.0
  br i1 %dz, label %floor, label %zero
floor:
  %fl = call double @floor(double %d)
  %frac = fsub double %d, %fl
  %up = fcmp ogt double %frac, 0.5
  %fl1 = fadd double %fl, 1.0
  %r = select i1 %up, double %fl1, double %fl
  ret double %r
zero:
  %q = fdiv double %vx, %wx
  %z = call double @copysign(double 0.0, double %q)
  ret double %z
}""",
    # float_pow's special cases in its order, then libm's pow on |x|; status 0,
    # or 1 ZeroDivisionError, 2 OverflowError (ERANGE), 3 a complex result or
    # EDOM (CPython computes that).  The call is nobuiltin: LLVM would turn
    # pow(x, 2.0) into x * x, which differs from glibc's pow in the last bit
    # for ~1 float in 1,000.
    "mj.fpow": """
define internal { double, i32 } @mj.fpow(double %iv, double %iw) nounwind {
entry:
  %w0 = fcmp oeq double %iw, 0.0
  br i1 %w0, label %one, label %vnan
vnan:
  %isvnan = fcmp uno double %iv, 0.0
  br i1 %isvnan, label %retv, label %wnan
wnan:
  %iswnan = fcmp uno double %iw, 0.0
  %v1 = fcmp oeq double %iv, 1.0
  %rwnan = select i1 %v1, double 1.0, double %iw
  br i1 %iswnan, label %ret, label %winf
winf:
  %aw = call double @fabs(double %iw)
  %av = call double @fabs(double %iv)
  %iswinf = fcmp oeq double %aw, 0x7FF0000000000000
  br i1 %iswinf, label %winfcase, label %vinf
winfcase:
  %av1 = fcmp oeq double %av, 1.0
  %wpos = fcmp ogt double %iw, 0.0
  %avbig = fcmp ogt double %av, 1.0
  %same = icmp eq i1 %wpos, %avbig
  %rwi = select i1 %same, double %aw, double 0.0
  %rwinf = select i1 %av1, double 1.0, double %rwi
  br label %ret
vinf:
  %m2 = frem double %aw, 2.0
  %odd = fcmp oeq double %m2, 1.0
  %isvinf = fcmp oeq double %av, 0x7FF0000000000000
  br i1 %isvinf, label %vinfcase, label %vzero
vinfcase:
  %wpos2 = fcmp ogt double %iw, 0.0
  %signedzero = call double @copysign(double 0.0, double %iv)
  %rvpos = select i1 %odd, double %iv, double %av
  %rvneg = select i1 %odd, double %signedzero, double 0.0
  %rvinf = select i1 %wpos2, double %rvpos, double %rvneg
  br label %ret
vzero:
  %isv0 = fcmp oeq double %iv, 0.0
  br i1 %isv0, label %zcase, label %vone
zcase:
  %wneg = fcmp olt double %iw, 0.0
  br i1 %wneg, label %zerodiv, label %zok
zok:
  %rz = select i1 %odd, double %iv, double 0.0
  br label %ret
vone:
  %isv1 = fcmp oeq double %iv, 1.0
  br i1 %isv1, label %one, label %vneg
vneg:
  %isvneg = fcmp olt double %iv, 0.0
  br i1 %isvneg, label %negcase, label %compute
negcase:
  %fl = call double @floor(double %iw)
  %nonint = fcmp une double %iw, %fl
  br i1 %nonint, label %other, label %negint
negint:
  %absone = fcmp oeq double %av, 1.0
  %rone = select i1 %odd, double -1.0, double 1.0
  br i1 %absone, label %ret, label %compute
compute:
  %neg = phi i1 [ false, %vneg ], [ %odd, %negint ]
  %errno = call ptr @__errno_location()
  store i32 0, ptr %errno
  %ix = call double @pow(double %av, double %iw) nobuiltin
  %e = load i32, ptr %errno
  %aix = call double @fabs(double %ix)
  %ixinf = fcmp oeq double %aix, 0x7FF0000000000000
  %e0 = icmp eq i32 %e, 0
  %over = and i1 %e0, %ixinf
  %erange = icmp eq i32 %e, 34
  %ixz = fcmp oeq double %ix, 0.0
  %under = and i1 %erange, %ixz
  %e1 = select i1 %under, i32 0, i32 %e
  %e2 = select i1 %over, i32 34, i32 %e1
  %negix = fneg double %ix
  %r = select i1 %neg, double %negix, double %ix
  %ok = icmp eq i32 %e2, 0
  br i1 %ok, label %ret, label %failed
failed:
  %isrange = icmp eq i32 %e2, 34
  %status = select i1 %isrange, i32 2, i32 3
  %f0 = insertvalue { double, i32 } poison, double 0.0, 0
  %f1 = insertvalue { double, i32 } %f0, i32 %status, 1
  ret { double, i32 } %f1
zerodiv:
  ret { double, i32 } { double 0.0, i32 1 }
other:
  ret { double, i32 } { double 0.0, i32 3 }
one:
  ret { double, i32 } { double 1.0, i32 0 }
retv:
  %rv0 = insertvalue { double, i32 } poison, double %iv, 0
  %rv1 = insertvalue { double, i32 } %rv0, i32 0, 1
  ret { double, i32 } %rv1
ret:
  %res = phi double [ %rwnan, %wnan ], [ %rwinf, %winfcase ], [ %rvinf, %vinfcase ], [ %rz, %zok ], [ %rone, %negint ], [ %r, %compute ]
  %o0 = insertvalue { double, i32 } poison, double %res, 0
  %o1 = insertvalue { double, i32 } %o0, i32 0, 1
  ret { double, i32 } %o1
}""",
    # -1, 0, 1 for less, equal, greater; 2 when f is NaN
    "mj.cmp_if": """
define internal i32 @mj.cmp_if(i64 %i, double %f) nounwind alwaysinline {
  %nan = fcmp uno double %f, %f
  br i1 %nan, label %unord, label %a
unord:
  ret i32 2
a:
  %big = fcmp oge double %f, 0x43E0000000000000
  br i1 %big, label %less, label %b
b:
  %small = fcmp olt double %f, 0xC3E0000000000000
  br i1 %small, label %greater, label %c
c:
  %fl = call double @floor(double %f)
  %fi = fptosi double %fl to i64
  %lt = icmp slt i64 %i, %fi
  br i1 %lt, label %less, label %d
d:
  %gt = icmp sgt i64 %i, %fi
  br i1 %gt, label %greater, label %e
e:
  %frac = fcmp ogt double %f, %fl
  br i1 %frac, label %less, label %equal
less:
  ret i32 -1
greater:
  ret i32 1
equal:
  ret i32 0
}""",
    "mj.round_even": """
define internal double @mj.round_even(double %x) nounwind alwaysinline {
  %r = call double @round(double %x)
  %d = fsub double %x, %r
  %ad = call double @fabs(double %d)
  %half = fcmp oeq double %ad, 0.5
  br i1 %half, label %tie, label %done
tie:
  %h = fmul double %x, 0.5
  %rh = call double @round(double %h)
  %r2 = fmul double %rh, 2.0
  ret double %r2
done:
  ret double %r
}""",
    # emit_journal: one record [kind, obj, index, payload] at entry n of the journal
    # at %base, whose count cell is %count; a reference to obj taken if %own
    # A full journal asks the runtime to checkpoint a list (Journal.checkpoint(lst,
    # kind, index, item)): one call per site instead of the boxing, the
    # argument array and the releases pasted at each (nbody's IR grew by 30%).
    "mj.jask": """
define internal i1 @mj.jask(ptr %fn, ptr %lst, i64 %kind, i64 %index, ptr %item, ptr %true)
    nounwind noinline cold {
  %args = alloca [4 x ptr]
  %k = call ptr @PyLong_FromLongLong(i64 %kind)
  %i = call ptr @PyLong_FromLongLong(i64 %index)
  %kz = icmp eq ptr %k, null
  %iz = icmp eq ptr %i, null
  %bad = or i1 %kz, %iz
  br i1 %bad, label %nomem, label %ask
nomem:
  call void @Py_DecRef(ptr %k)
  call void @Py_DecRef(ptr %i)
  call void @PyErr_Clear()
  ret i1 false
ask:
  store ptr %lst, ptr %args
  %a1 = getelementptr ptr, ptr %args, i64 1
  store ptr %k, ptr %a1
  %a2 = getelementptr ptr, ptr %args, i64 2
  store ptr %i, ptr %a2
  %a3 = getelementptr ptr, ptr %args, i64 3
  store ptr %item, ptr %a3
  %r = call ptr @PyObject_Vectorcall(ptr %fn, ptr %args, i64 4, ptr null)
  call void @Py_DecRef(ptr %k)
  call void @Py_DecRef(ptr %i)
  %yes = icmp eq ptr %r, %true
  call void @Py_DecRef(ptr %r)
  ret i1 %yes
}""",
    # runtime/rng.py: one genrand_uint32 of the Mersenne Twister in the object %rng
    # (CPython 3.11's _randommodule.c, its twist done as one loop with wrapped
    # indices), 0..2**32-1.  First, unless the call running now (its records
    # start at the entry mark) has one, a J_RNG record of the index as it was;
    # the 624 words are copied into it only before the call's first twist (a
    # small function drawing once per call from CPython copied 2.5 KB a call:
    # 7x python3's time).  -1: no room for the record, or no memory for the
    # copy; nothing drawn (the call hands over).
    "mj.draw": """
define internal i64 @mj.draw(ptr %rng, ptr %count, ptr %base, ptr %markp, ptr %atp) nounwind noinline {
entry:
  %at = load i64, ptr %atp
  %mark = load i64, ptr %markp
  %n = load i64, ptr %count
  %indexp = getelementptr i8, ptr %rng, i64 STATE_OFFSET
  %mt = getelementptr i8, ptr %rng, i64 WORDS_OFFSET
  %after = icmp sge i64 %at, %mark
  %kept = icmp slt i64 %at, %n
  %inside = and i1 %after, %kept
  br i1 %inside, label %check, label %save
check:
  %e = getelementptr [4 x i64], ptr %base, i64 %at
  %kind = load i64, ptr %e
  %e.obj = getelementptr i64, ptr %e, i64 1
  %obj = load ptr, ptr %e.obj
  %is.rng = icmp eq i64 %kind, J_RNG
  %is.it = icmp eq ptr %obj, %rng
  %saved = and i1 %is.rng, %is.it
  br i1 %saved, label %draw, label %save
save:
  %room = icmp ult i64 %n, ROOM
  br i1 %room, label %record, label %fail
fail:
  ret i64 -1
record:
  %r = getelementptr [4 x i64], ptr %base, i64 %n
  store i64 J_RNG, ptr %r
  %r.obj = getelementptr i64, ptr %r, i64 1
  store ptr %rng, ptr %r.obj
  %old = load i32, ptr %indexp
  %old.64 = sext i32 %old to i64
  %r.index = getelementptr i64, ptr %r, i64 2
  store i64 %old.64, ptr %r.index
  %r.payload = getelementptr i64, ptr %r, i64 3
  store i64 0, ptr %r.payload
  %refs = load i64, ptr %rng
  %refs1 = add i64 %refs, 1
  store i64 %refs1, ptr %rng
  %n1 = add i64 %n, 1
  store i64 %n1, ptr %count
  store i64 %n, ptr %atp
  br label %draw
draw:
  %mine = phi i64 [%at, %check], [%n, %record]
  %index = load i32, ptr %indexp
  %spent = icmp sge i32 %index, 624
  br i1 %spent, label %keep, label %take
keep:
  %k = getelementptr [4 x i64], ptr %base, i64 %mine
  %k.payload = getelementptr i64, ptr %k, i64 3
  %copied = load ptr, ptr %k.payload
  %has = icmp ne ptr %copied, null
  br i1 %has, label %twist, label %copy
copy:
  %bytes = call ptr @PyBytes_FromStringAndSize(ptr %indexp, i64 STATE_BYTES)
  %made = icmp ne ptr %bytes, null
  br i1 %made, label %copied.ok, label %nomem
nomem:
  call void @PyErr_Clear()
  ret i64 -1
copied.ok:
  store ptr %bytes, ptr %k.payload
  br label %twist
twist:
  %kk = phi i64 [0, %keep], [0, %copied.ok], [%kk1, %twist]
  %kk1 = add i64 %kk, 1
  %wrap1 = icmp eq i64 %kk1, 624
  %next = select i1 %wrap1, i64 0, i64 %kk1
  %kkm = add i64 %kk, 397
  %wrapm = icmp uge i64 %kkm, 624
  %kkm.w = sub i64 %kkm, 624
  %far = select i1 %wrapm, i64 %kkm.w, i64 %kkm
  %p = getelementptr i32, ptr %mt, i64 %kk
  %pn = getelementptr i32, ptr %mt, i64 %next
  %pf = getelementptr i32, ptr %mt, i64 %far
  %a = load i32, ptr %p
  %b = load i32, ptr %pn
  %c = load i32, ptr %pf
  %hi = and i32 %a, -2147483648
  %lo = and i32 %b, 2147483647
  %y = or i32 %hi, %lo
  %y1 = lshr i32 %y, 1
  %odd = and i32 %y, 1
  %mag = mul i32 %odd, -1727483681
  %x1 = xor i32 %c, %y1
  %x2 = xor i32 %x1, %mag
  store i32 %x2, ptr %p
  %more = icmp ult i64 %kk1, 624
  br i1 %more, label %twist, label %take
take:
  %i = phi i32 [%index, %draw], [0, %twist]
  %i.64 = sext i32 %i to i64
  %pi = getelementptr i32, ptr %mt, i64 %i.64
  %w = load i32, ptr %pi
  %i1 = add i32 %i, 1
  store i32 %i1, ptr %indexp
  %t1 = lshr i32 %w, 11
  %w1 = xor i32 %w, %t1
  %t2 = shl i32 %w1, 7
  %t2m = and i32 %t2, -1658038656
  %w2 = xor i32 %w1, %t2m
  %t3 = shl i32 %w2, 15
  %t3m = and i32 %t3, -272236544
  %w3 = xor i32 %w2, %t3m
  %t4 = lshr i32 %w3, 18
  %w4 = xor i32 %w3, %t4
  %out = zext i32 %w4 to i64
  ret i64 %out
}""",
    "mj.jlog": """
define internal void @mj.jlog(ptr %count, ptr %base, i64 %n, i64 %kind, ptr %obj, i64 %index,
                              i64 %payload, i1 %own) nounwind noinline {
  %e = getelementptr [4 x i64], ptr %base, i64 %n
  store i64 %kind, ptr %e
  %at.obj = getelementptr i64, ptr %e, i64 1
  store ptr %obj, ptr %at.obj
  %at.index = getelementptr i64, ptr %e, i64 2
  store i64 %index, ptr %at.index
  %at.payload = getelementptr i64, ptr %e, i64 3
  store i64 %payload, ptr %at.payload
  %n1 = add i64 %n, 1
  store i64 %n1, ptr %count
  br i1 %own, label %inc, label %done
inc:
  %refs = load i64, ptr %obj
  %refs1 = add i64 %refs, 1
  store i64 %refs1, ptr %obj
  br label %done
done:
  ret void
}""",
}

# emit_journal.checkpointed: is `address` in one of the PROBES - 1 table slots after `slot`
# (the first one, which holds it nearly always, is checked inline: these 7 probes pasted
# at every store into a list others see were 30% of an n-body kernel's IR)
HELPERS["mj.jprobe"] = "\n".join([
    "define internal i1 @mj.jprobe(ptr %slot, i64 %address) nounwind noinline cold {",
    *(f"  %p{k} = getelementptr i64, ptr %slot, i64 {k}\n  %h{k} = load i64, ptr %p{k}\n"
      f"  %e{k} = icmp eq i64 %h{k}, %address\n  %f{k} = or i1 %f{k - 1}, %e{k}".replace("%f0", "false")
      for k in range(1, PROBES)),
    f"  ret i1 %f{PROBES - 1}",
    "}"])

# The checkpoint-table half of the two below: is `lst` in the call's table (mine and
# found), or may a checkpoint of it be asked for (not closed)?  `%bits` is 64 - TABLE_BITS.
_TABLE_LOOKUP = f"""
  %ownerp = getelementptr i64, ptr %table, i64 1
  %owner = load i64, ptr %ownerp
  %m = load i64, ptr %mark
  %mine = icmp eq i64 %owner, %m
  %address = ptrtoint ptr %lst to i64
  %shifted = lshr i64 %address, {TABLE_SHIFT}
  %mixed = mul i64 %shifted, {HASH - 2**64}
  %at = lshr i64 %mixed, %bits
  %slots = getelementptr i64, ptr %table, i64 2
  %slot = getelementptr i64, ptr %slots, i64 %at
  %first = load i64, ptr %slot
  %here = icmp eq i64 %first, %address
  %further = call i1 @mj.jprobe(ptr %slot, i64 %address)
  %found = or i1 %here, %further
  %hit = and i1 %mine, %found
  %lists = load i64, ptr %table
  %closed = icmp eq i64 %lists, {CLOSED}
  %refused = and i1 %mine, %closed"""

# The journal's record of a store into a list others see, as emit_journal.journal
# writes one inline, made by one call instead of its ~40 lines at each store (the
# slow paths of an n-body kernel's stores were most of its IR).
# mj.jstore: the store replaced `old` (a reference the caller hands over): a STORE
# record, or past a full journal nothing for a list the call checkpointed (or
# checkpoints now: Journal.checkpoint), `old` then released.  False: no record could
# be had, `old` is the caller's again (it puts it back and hands over).  A store of
# the object the item already was changed nothing: no record (a sieve's `flags[j] =
# False` over a False: 1.1M of its 1.7M stores at top level, which filled the journal)
HELPERS["mj.jstore"] = f"""
define internal i1 @mj.jstore(ptr %count, ptr %base, ptr %table, ptr %mark, ptr %fn, ptr %lst,
                              i64 %index, ptr %old, ptr %true, i64 %bits) nounwind noinline {{
entry:
  %itemsp = getelementptr i8, ptr %lst, i64 24
  %items = load ptr, ptr %itemsp
  %slotp = getelementptr ptr, ptr %items, i64 %index
  %now = load ptr, ptr %slotp
  %same = icmp eq ptr %now, %old
  br i1 %same, label %skip, label %record
record:
  %n = load i64, ptr %count
  %room = icmp ult i64 %n, {JOURNAL_CAP}
  br i1 %room, label %log, label %full
log:
  %payload = ptrtoint ptr %old to i64
  call void @mj.jlog(ptr %count, ptr %base, i64 %n, i64 {J_STORE}, ptr %lst, i64 %index, i64 %payload, i1 true)
  ret i1 true
full:{_TABLE_LOOKUP}
  br i1 %hit, label %skip, label %take
take:
  br i1 %refused, label %no, label %ask
ask:
  %yes = call i1 @mj.jask(ptr %fn, ptr %lst, i64 {J_STORE}, i64 %index, ptr %old, ptr %true)
  br i1 %yes, label %skip, label %no
skip:
  call void @Py_DecRef(ptr %old)
  ret i1 true
no:
  ret i1 false
}}"""
# mj.jfloat: the float `obj` in `lst` is about to be overwritten in place: 0, a FLOAT
# record of its bits (or nothing: the call checkpointed the list) and the caller
# overwrites it; 1, the list was checkpointed just now, holding `obj`: the caller
# stores a new float instead; 2, no record to be had: the caller hands over.
HELPERS["mj.jfloat"] = f"""
define internal i32 @mj.jfloat(ptr %count, ptr %base, ptr %table, ptr %mark, ptr %fn, ptr %lst,
                               ptr %obj, ptr %true, i64 %bits) nounwind noinline {{
entry:
  %n = load i64, ptr %count
  %room = icmp ult i64 %n, {JOURNAL_CAP}
  br i1 %room, label %log, label %full
log:
  %valuep = getelementptr i8, ptr %obj, i64 16
  %value = load i64, ptr %valuep
  call void @mj.jlog(ptr %count, ptr %base, i64 %n, i64 {J_FLOAT}, ptr %obj, i64 0, i64 %value, i1 false)
  ret i32 0
full:{_TABLE_LOOKUP}
  br i1 %hit, label %inplace, label %take
inplace:
  ret i32 0
take:
  br i1 %refused, label %no, label %ask
ask:
  %yes = call i1 @mj.jask(ptr %fn, ptr %lst, i64 {J_FLOAT}, i64 0, ptr %obj, ptr %true)
  br i1 %yes, label %boxed, label %no
boxed:
  ret i32 1
no:
  ret i32 2
}}"""

# -- borrowed lists (codegen/emit_arrays.py) ---------------------------------------------
# mj.borrow.K(list, type, false): a new buffer of the list's items as K, or NULL
# (an item of another type, an int past 64 bits, no memory).  mj.bput.K(list,
# buffer, stored, n, type, false, journaled, <mj.jstore's journal arguments>):
# each item the function stored into (its byte in `stored` set) gets a new
# object, as a store in CPython makes one (the old one released, or, when
# `journaled`, kept by a STORE record; the byte cleared); 0, or 1 with a Python
# exception set if an object could not be made, or 2 if the journal refused a
# record (that item put back as it was).  mj.bnan(buffer, stored, n): is a stored
# float a NaN (CPython's list may hold one NaN object twice: the call hands over)?
_ITEM_VALUE = {
    "f64": """  %tp = getelementptr i8, ptr %p, i64 8
  %t = load ptr, ptr %tp
  %ok = icmp eq ptr %t, %type
  %vp = getelementptr i8, ptr %p, i64 16
  %v = load double, ptr %vp""",
    "i64": """  %tp = getelementptr i8, ptr %p, i64 8
  %t = load ptr, ptr %tp
  %exact = icmp eq ptr %t, %type
  br i1 %exact, label %conv, label %conved
conv:
  %v0 = call i64 @PyLong_AsLongLongAndOverflow(ptr %p, ptr %ovf)
  %o = load i32, ptr %ovf
  %fits = icmp eq i32 %o, 0
  br label %conved
conved:
  %v = phi i64 [%v0, %conv], [0, %body]
  %ok = phi i1 [%fits, %conv], [false, %body]""",
    "i8": """  %yes = icmp eq ptr %p, %type
  %no = icmp eq ptr %p, %false
  %ok = or i1 %yes, %no
  %v = zext i1 %yes to i8""",
}
_ITEM_TYPE = {"f64": "double", "i64": "i64", "i8": "i8"}
_BOX = {
    "f64": "  %new = call ptr @PyFloat_FromDouble(double %w)",
    "i64": "  %new = call ptr @PyLong_FromLongLong(i64 %w)",
    "i8": """  %wb = icmp ne i8 %w, 0
  %new = select i1 %wb, ptr %type, ptr %false
  call void @Py_IncRef(ptr %new)""",
}


def _borrow_ir(k: str) -> str:
    ty = _ITEM_TYPE[k]
    width = 1 if k == "i8" else 8
    return f"""
define internal ptr @mj.borrow.{k}(ptr %lst, ptr %type, ptr %false) nounwind noinline {{
entry:
  %ovf = alloca i32
  %np = getelementptr i8, ptr %lst, i64 16
  %n = load i64, ptr %np
  %ip = getelementptr i8, ptr %lst, i64 24
  %items = load ptr, ptr %ip
  %size = mul i64 %n, {width}
  %size1 = add i64 %size, 8
  %buf = call ptr @PyMem_RawMalloc(i64 %size1)
  %none = icmp eq ptr %buf, null
  br i1 %none, label %fail, label %loop
loop:
  %i = phi i64 [0, %entry], [%i1, %next]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %pp = getelementptr ptr, ptr %items, i64 %i
  %p = load ptr, ptr %pp
{_ITEM_VALUE[k]}
  br i1 %ok, label %next, label %bad
next:
  %dp = getelementptr {ty}, ptr %buf, i64 %i
  store {ty} %v, ptr %dp
  %i1 = add i64 %i, 1
  br label %loop
bad:
  call void @PyMem_RawFree(ptr %buf)
  br label %fail
fail:
  ret ptr null
done:
  ret ptr %buf
}}"""


def _bput_ir(k: str) -> str:
    ty = _ITEM_TYPE[k]
    return f"""
define internal i32 @mj.bput.{k}(ptr %lst, ptr %buf, ptr %dirty, i64 %n0, ptr %type, ptr %false, i1 %journaled,
                                ptr %count, ptr %base, ptr %table, ptr %mark, ptr %fn, ptr %true,
                                i64 %bits) nounwind noinline {{
entry:
  %np = getelementptr i8, ptr %lst, i64 16
  %size = load i64, ptr %np
  %short = icmp ult i64 %size, %n0
  %n = select i1 %short, i64 %size, i64 %n0
  br label %loop
loop:
  %i = phi i64 [0, %entry], [%i1, %next]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %sp = getelementptr i8, ptr %dirty, i64 %i
  %stored = load i8, ptr %sp
  %clean = icmp eq i8 %stored, 0
  br i1 %clean, label %next, label %change
change:
  %dp = getelementptr {ty}, ptr %buf, i64 %i
  %w = load {ty}, ptr %dp
{_BOX[k]}
  %failed = icmp eq ptr %new, null
  br i1 %failed, label %fail, label %put
put:
  store i8 0, ptr %sp
  %ip = getelementptr i8, ptr %lst, i64 24
  %items = load ptr, ptr %ip
  %pp = getelementptr ptr, ptr %items, i64 %i
  %p = load ptr, ptr %pp
  store ptr %new, ptr %pp
  br i1 %journaled, label %record, label %drop
drop:
  call void @Py_DecRef(ptr %p)
  br label %next
record:
  %kept = call i1 @mj.jstore(ptr %count, ptr %base, ptr %table, ptr %mark, ptr %fn, ptr %lst, i64 %i,
                             ptr %p, ptr %true, i64 %bits)
  br i1 %kept, label %next, label %refused
refused:
  store ptr %p, ptr %pp
  call void @Py_DecRef(ptr %new)
  ret i32 2
next:
  %i1 = add i64 %i, 1
  br label %loop
fail:
  ret i32 1
done:
  ret i32 0
}}"""


HELPERS["mj.bnan"] = """
define internal i1 @mj.bnan(ptr %buf, ptr %dirty, i64 %n) nounwind noinline {
entry:
  br label %loop
loop:
  %i = phi i64 [0, %entry], [%i1, %next]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %none
body:
  %sp = getelementptr i8, ptr %dirty, i64 %i
  %stored = load i8, ptr %sp
  %dp = getelementptr double, ptr %buf, i64 %i
  %w = load double, ptr %dp
  %nan = fcmp uno double %w, 0.0
  %set = icmp ne i8 %stored, 0
  %found = and i1 %nan, %set
  br i1 %found, label %yes, label %next
next:
  %i1 = add i64 %i, 1
  br label %loop
yes:
  ret i1 true
none:
  ret i1 false
}"""
for _k in _ITEM_TYPE:
    HELPERS[f"mj.borrow.{_k}"] = _borrow_ir(_k)
    HELPERS[f"mj.bput.{_k}"] = _bput_ir(_k)
BORROW_HELPERS = {
    **{f"mj.borrow.{k}": f"declare ptr @mj.borrow.{k}(ptr, ptr, ptr)" for k in _ITEM_TYPE},
    **{f"mj.bput.{k}": f"declare i32 @mj.bput.{k}(ptr, ptr, ptr, i64, ptr, ptr, i1, ptr, ptr, ptr, ptr, ptr, ptr, i64)"
       for k in _ITEM_TYPE},
    "mj.bnan": "declare i1 @mj.bnan(ptr, ptr, i64)",
}



# A statement's globals written back to / read again from the namespace around
# calls and polls (codegen/emit_module.py), out of line: inline, four ints
# written and read at each of a loop's polls, its call and its exits were a
# third of a top-level loop's IR.  gget's status: 0 bound (the value), 1
# unbound, 2 another type, 3 an int beyond 64 bits.
_GLOBAL_KINDS = {"i64": ("INT_TYPE", "i64"), "f64": ("FLOAT_TYPE", "double"), "i1": ("BOOL_TYPE", "i1")}


def _gget_ir(k: str) -> str:
    from modjit.runtime import capi

    type_name, ty = _GLOBAL_KINDS[k]
    if k == "i64":
        value = """  %ovf = alloca i32
  %v = call i64 @PyLong_AsLongLongAndOverflow(ptr %obj, ptr %ovf)
  %o = load i32, ptr %ovf
  %big = icmp ne i32 %o, 0
  br i1 %big, label %wide, label %ok
wide:
  ret {i64, i32} {i64 0, i32 3}"""
    elif k == "f64":
        value = """  %fp = getelementptr i8, ptr %obj, i64 16
  %v = load double, ptr %fp
  br label %ok"""
    else:
        value = f"""  %v = icmp eq ptr %obj, inttoptr (i64 {capi.PY_TRUE} to ptr)
  br label %ok"""
    return f"""
define internal {{{ty}, i32}} @mj.gget.{k}(ptr %ns, ptr %key) nounwind {{
  %obj = call ptr @PyDict_GetItem(ptr %ns, ptr %key)
  %none = icmp eq ptr %obj, null
  br i1 %none, label %absent, label %present
absent:
  ret {{{ty}, i32}} {{{ty} zeroinitializer, i32 1}}
present:
  %tp = getelementptr i8, ptr %obj, i64 8
  %t = load ptr, ptr %tp
  %same = icmp eq ptr %t, inttoptr (i64 {getattr(capi, type_name)} to ptr)
  br i1 %same, label %typed, label %other
other:
  ret {{{ty}, i32}} {{{ty} zeroinitializer, i32 2}}
typed:
{value}
ok:
  %r = insertvalue {{{ty}, i32}} {{{ty} zeroinitializer, i32 0}}, {ty} %v, 0
  ret {{{ty}, i32}} %r
}}"""


def _gput_ir(k: str) -> str:
    from modjit.runtime import capi

    _, ty = _GLOBAL_KINDS[k]
    if k == "i1":
        return f"""
define internal void @mj.gput.i1(ptr %ns, ptr %key, i1 %v) nounwind {{
  %obj = select i1 %v, ptr inttoptr (i64 {capi.PY_TRUE} to ptr), ptr inttoptr (i64 {capi.PY_FALSE} to ptr)
  %r = call i32 @PyDict_SetItem(ptr %ns, ptr %key, ptr %obj)
  ret void
}}"""
    make = "PyLong_FromLongLong" if k == "i64" else "PyFloat_FromDouble"
    return f"""
define internal void @mj.gput.{k}(ptr %ns, ptr %key, {ty} %v) nounwind {{
  %obj = call ptr @{make}({ty} %v)
  %r = call i32 @PyDict_SetItem(ptr %ns, ptr %key, ptr %obj)
  call void @Py_DecRef(ptr %obj)
  ret void
}}"""


for _k in _GLOBAL_KINDS:
    HELPERS[f"mj.gget.{_k}"] = _gget_ir(_k)
    HELPERS[f"mj.gput.{_k}"] = _gput_ir(_k)
GLOBAL_HELPERS = {
    **{f"mj.gget.{k}": f"declare {{{ty}, i32}} @mj.gget.{k}(ptr, ptr)" for k, (_, ty) in _GLOBAL_KINDS.items()},
    **{f"mj.gput.{k}": f"declare void @mj.gput.{k}(ptr, ptr, {ty})" for k, (_, ty) in _GLOBAL_KINDS.items()},
}


for _name, _value in (("J_RNG", J_RNG), ("ROOM", JOURNAL_CAP + HEADROOM), ("STATE_OFFSET", rng.STATE_OFFSET),
                      ("STATE_BYTES", rng.STATE_BYTES), ("WORDS_OFFSET", rng.STATE_OFFSET + 4)):
    HELPERS["mj.draw"] = HELPERS["mj.draw"].replace(_name, str(_value))

# Compiled once per process, in a module of their own (engine/shared.py), and
# declared by the units that call them: their definitions in every unit that
# stores into a list others see cost a third of a small unit's code generation
# (a top-level `counts[4] += 4`: 2.2 -> 1.4 ms)
SHARED = {
    "mj.jprobe": "declare i1 @mj.jprobe(ptr, i64)",
    "mj.draw": "declare i64 @mj.draw(ptr, ptr, ptr, ptr, ptr)",
    "mj.jask": "declare i1 @mj.jask(ptr, ptr, i64, i64, ptr, ptr)",
    "mj.jlog": "declare void @mj.jlog(ptr, ptr, i64, i64, ptr, i64, i64, i1)",
    "mj.jstore": "declare i1 @mj.jstore(ptr, ptr, ptr, ptr, ptr, ptr, i64, ptr, ptr, i64)",
    "mj.jfloat": "declare i32 @mj.jfloat(ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64)",
    **BORROW_HELPERS,
    **GLOBAL_HELPERS,
}


# Compiled only when a unit first calls one of a group, each group into a module
# of its own (runtime.link_helpers): mj.draw's code was a third of the shared
# module's ~20 ms, and the journal's the rest, paid by every program's start
# (fib, mandelbrot: no list others see is changed, nothing is drawn)
# The borrowed lists' helpers, a group per item type (~5 ms each at O0 code
# generation, 12-17 ms at O2: n-body only needs the floats'), come after the
# journal's: mj.bput calls mj.jstore
_BORROW_GROUPS = tuple(frozenset({f"mj.borrow.{k}", f"mj.bput.{k}"} | ({"mj.bnan"} if k == "f64" else set()))
                       for k in _ITEM_TYPE)
_GLOBAL_GROUP = frozenset(GLOBAL_HELPERS)
LAZY_GROUPS = (frozenset({"mj.draw"}), frozenset(SHARED) - {"mj.draw"} - set(BORROW_HELPERS) - _GLOBAL_GROUP,
               *_BORROW_GROUPS, _GLOBAL_GROUP)
# groups compiled at O0: loops over a list's items once per call, where O2's
# code generation cost more than it gains for lists of less than ~100k items
QUICK_GROUPS = frozenset({*_BORROW_GROUPS, _GLOBAL_GROUP})


def shared_ir(names: tuple[str, ...]) -> str:
    """The module of the SHARED helpers `names`, exported, with what they call."""
    from modjit.runtime import capi

    needs = sorted({capi.C_API[n] if n in capi.C_API else SHARED[n]
                    for h in names for n in HELPER_NEEDS.get(h, ()) if n not in names})
    bodies = [HELPERS[h].replace("define internal", "define", 1) for h in names]
    return "\n".join(needs + bodies) + "\n"


# libm functions each helper calls (their declarations must be in the module)
HELPER_NEEDS = {
    "mj.fmod": ("copysign",),
    "mj.ffloordiv": ("copysign", "floor"),
    "mj.cmp_if": ("floor",),
    "mj.round_even": ("round", "fabs"),
    "mj.fpow": ("fabs", "floor", "copysign", "pow", "__errno_location"),
    "mj.jask": ("PyLong_FromLongLong", "PyObject_Vectorcall", "Py_DecRef", "PyErr_Clear"),
    "mj.draw": ("PyBytes_FromStringAndSize", "PyErr_Clear"),
    "mj.jstore": ("Py_DecRef",),
    **{f"mj.borrow.{k}": ("PyMem_RawMalloc", "PyMem_RawFree", "PyLong_AsLongLongAndOverflow") for k in _ITEM_TYPE},
    **{f"mj.bput.{k}": ("PyFloat_FromDouble", "PyLong_FromLongLong", "Py_IncRef", "Py_DecRef", "mj.jstore")
       for k in _ITEM_TYPE},
    **{f"mj.gget.{k}": ("PyDict_GetItem", "PyLong_AsLongLongAndOverflow") for k in _GLOBAL_KINDS},
    **{f"mj.gput.{k}": ("PyDict_SetItem", "PyLong_FromLongLong", "PyFloat_FromDouble", "Py_DecRef")
       for k in _GLOBAL_KINDS},
}

INTRINSICS = {
    "sadd": "declare {i64, i1} @llvm.sadd.with.overflow.i64(i64, i64)",
    "ssub": "declare {i64, i1} @llvm.ssub.with.overflow.i64(i64, i64)",
    "smul": "declare {i64, i1} @llvm.smul.with.overflow.i64(i64, i64)",
    "ctlz": "declare i64 @llvm.ctlz.i64(i64, i1)",
    "ffloor": "declare double @llvm.floor.f64(double)",
    "memset": "declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)",
    "memmove": "declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)",
}
