#!/usr/bin/env python3
"""pandas baseline for bench/run.mjs: read the survey CSV and compute the three aggregates
cscheck computes for three indicators of the quanzhou plan, with the contract's missing-value rule
(a missing cell is left out of both sides of a measure, never read as zero).

    /usr/bin/python3 bench/pandas_baseline.py FILE.csv [--usecols]

(1) facility_coverage_rural: 100 x share of rows with 城乡类型 == 农村 whose 是否建有综合服务设施 is 是,
    among those rows with a value;
(2) activity_area_share: 100 x sum(居民活动区域面积) / sum(综合服务设施建筑面积) over rows where both are present;
(3) facility_area_per_100_households: 100 x sum(综合服务设施建筑面积) / sum(户数) per 乡镇（街道）,
    over rows where both are present.

By default the whole file is read (every column parsed, as cscheck does); --usecols reads only the
five columns the aggregates need. Prints one JSON object.
"""
import json
import sys

try:
    import pandas as pd
except ImportError:
    sys.stderr.write(
        "pandas is not installed for this interpreter (%s).\n"
        "Install the Debian package: apt-get install -y python3-pandas, and run with /usr/bin/python3.\n"
        % sys.executable
    )
    sys.exit(3)

KIND = "城乡类型"
TOWNSHIP = "乡镇（街道）"
HAS_FACILITY = "是否建有综合服务设施"
FACILITY_AREA = "综合服务设施建筑面积"
ACTIVITY_AREA = "居民活动区域面积"
HOUSEHOLDS = "户数"


def column(columns, name):
    """The header equal to `name`, or `name` followed by a bracketed unit (（平方米） / (㎡))."""
    for c in columns:
        s = str(c).strip().lstrip("\ufeff")
        if s == name or s.startswith(name + "（") or s.startswith(name + "("):
            return c
    raise SystemExit("column %s not found in %s" % (name, list(columns)))


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        raise SystemExit("usage: pandas_baseline.py FILE.csv [--usecols]")
    path = args[0]
    usecols = None
    if "--usecols" in argv:
        header = pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns
        usecols = [column(header, n) for n in (KIND, TOWNSHIP, HAS_FACILITY, FACILITY_AREA, ACTIVITY_AREA, HOUSEHOLDS)]
    df = pd.read_csv(path, encoding="utf-8-sig", usecols=usecols, low_memory=False)

    kind = df[column(df.columns, KIND)]
    has_fac = df[column(df.columns, HAS_FACILITY)]
    fac = df[column(df.columns, FACILITY_AREA)]
    act = df[column(df.columns, ACTIVITY_AREA)]
    hh = df[column(df.columns, HOUSEHOLDS)]
    township = df[column(df.columns, TOWNSHIP)]

    # (1) coverage among rural rows with a value
    rural = has_fac[(kind == "农村") & has_fac.notna()]
    rural_yes = int((rural == "是").sum())
    coverage = 100.0 * rural_yes / len(rural) if len(rural) else None

    # (2) ratio over rows where both are present
    both = fac.notna() & act.notna()
    fac_sum = float(fac[both].sum())
    share = 100.0 * float(act[both].sum()) / fac_sum if fac_sum else None

    # (3) per-township ratio over rows where both are present
    ok = fac.notna() & hh.notna()
    sums = pd.DataFrame({"t": township[ok], "f": fac[ok], "h": hh[ok]}).groupby("t", sort=True)[["f", "h"]].sum()
    per_township = {str(t): (100.0 * r.f / r.h if r.h else None) for t, r in sums.iterrows()}

    json.dump(
        {
            "rows": int(len(df)),
            "facility_coverage_rural": {"value": coverage, "rows": int(len(rural)), "yes": rural_yes,
                                        "without_data": int(((kind == "农村") & has_fac.isna()).sum())},
            "activity_area_share": {"value": share, "rows": int(both.sum()), "without_data": int((~both).sum())},
            "facility_area_per_100_households": {"townships": len(per_township), "rows": int(ok.sum()),
                                                 "without_data": int((~ok).sum()), "values": per_township},
        },
        sys.stdout,
        ensure_ascii=False,
        indent=1,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
