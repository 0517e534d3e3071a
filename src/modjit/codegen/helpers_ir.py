"""Internal helper functions copied into the modules that use them.

Each unit is a self-contained module (no cross-module symbols but the C API),
so a helper is emitted as an `internal` definition where it is needed.
Each mirrors CPython 3.11's algorithm exactly:

- float floor division / modulo: Objects/floatobject.c float_divmod
- int <-> float comparison: exact, as float_richcompare
- round-half-even: Objects/floatobject.c double_round for ndigits=None

and one is the journal's record writer (codegen/emit_journal.py), kept out of line.
"""

from __future__ import annotations

HELPERS: dict[str, str] = {
    # fmod-based modulo with the sign of the divisor; wx != 0 checked by the caller
    "mj.fmod": """
define internal double @mj.fmod(double %vx, double %wx) nounwind alwaysinline {
  %mod = call double @fmod(double %vx, double %wx)
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
  %mod = call double @fmod(double %vx, double %wx)
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

# libm functions each helper calls (their declarations must be in the module)
HELPER_NEEDS = {
    "mj.fmod": ("fmod", "copysign"),
    "mj.ffloordiv": ("fmod", "copysign", "floor"),
    "mj.cmp_if": ("floor",),
    "mj.round_even": ("round", "fabs"),
}

INTRINSICS = {
    "sadd": "declare {i64, i1} @llvm.sadd.with.overflow.i64(i64, i64)",
    "ssub": "declare {i64, i1} @llvm.ssub.with.overflow.i64(i64, i64)",
    "smul": "declare {i64, i1} @llvm.smul.with.overflow.i64(i64, i64)",
    "ctlz": "declare i64 @llvm.ctlz.i64(i64, i1)",
    "ffloor": "declare double @llvm.floor.f64(double)",
}
