"""Benchmarks: per-module compile latency and whole programs."""
