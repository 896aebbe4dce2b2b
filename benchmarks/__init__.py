"""Speed figures of egov-modeler, printed beside a floor timed in the same run.

``python -m benchmarks`` prints the figures of issue 19 for national-scale models; the
``bench_*.py`` scripts measure one area each. Nothing here is imported by the program.
"""
