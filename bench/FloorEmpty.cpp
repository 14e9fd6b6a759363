// folio_floor_empty: does nothing, linked against the libraries the floor
// needs (HarfBuzz, hb-subset, libdeflate, libstdc++): bench/run times this
// whole process as the fixed cost of loading them (bench/FloorBench.cpp).
int main() { return 0; }
