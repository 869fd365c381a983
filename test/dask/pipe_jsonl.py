"""The JSON Lines map step on a real distributed engine: Dask distributed (Debian's
python3-distributed), a LocalCluster of two worker processes on 127.0.0.1, a bag of the input's
partitions each piped through the command (`zh-corpus fix --jsonl`) on whichever worker Dask
gives it, the cleaned partitions gathered in order into one output file.

    python3 pipe_jsonl.py INPUT.jsonl OUTPUT.jsonl PARTITIONS COMMAND...

Prints one JSON line: the partitions, the records written and the workers that ran them.
"""
import json
import subprocess
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster, get_worker


def pipe(lines, command):
    """Runs one partition (a list of JSON lines) through the command, as Spark's rdd.pipe does."""
    result = subprocess.run(command, input="".join(lines), capture_output=True, text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {result.returncode}: {result.stderr[-2000:]}")
    return [(get_worker().address, result.stdout)]


def main():
    source, target, partitions, *command = sys.argv[1:]
    with open(source, encoding="utf-8") as f:
        lines = f.readlines()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster, Client(cluster):
        bag = db.from_sequence(lines, npartitions=int(partitions))
        outputs = bag.map_partitions(pipe, command).compute()
    with open(target, "w", encoding="utf-8") as f:
        for _, text in outputs:
            f.write(text)
    records = sum(text.count("\n") for _, text in outputs)
    print(json.dumps({"partitions": len(outputs), "records": records, "workers": sorted({w for w, _ in outputs})}))


if __name__ == "__main__":
    main()
