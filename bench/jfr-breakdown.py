"""Sorts the execution samples of a `jfr print --events jdk.ExecutionSample` dump into the stages
of a wct scan by the frames on each stack: read, encode, store, decode, analyse, Temporal, other."""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w.$<>]+)\(.*?line:", re.M)


def stage(frames):
    # frames[0] is the top (innermost) frame.
    joined = " ".join(frames)
    if "dev.wct.analysers" in joined:
        top_wct = next(f for f in frames if f.startswith("dev.wct."))
        if top_wct.startswith("dev.wct.analysers") and any(
            "jackson" in f for f in frames[: frames.index(top_wct)]
        ):
            return "decode (JSON items read by the analyser)"
        if any(f.startswith("dev.wct.spi.message") or "MessageReader" in f for f in frames[: frames.index(top_wct) + 1]):
            return "decode (JSON items read by the analyser)"
        if "dev.wct.store" in top_wct or "DigestInputStream" in joined:
            return "store (read back, checksum)"
        return "analyse (personal_data)"
    if "dev.wct.connectors" in joined:
        if "dev.wct.store" in joined and not any(
            f.startswith("dev.wct.connectors") for f in frames[: next(i for i, f in enumerate(frames) if f.startswith("dev.wct.store"))]
        ):
            return "store (write, checksum, fsync)"
        if any("jackson" in f or "MessageWriter" in f for f in frames[:8]):
            return "encode (JSON items)"
        return "read (filesystem connector)"
    if "dev.wct.store" in joined:
        return "store (write, checksum, fsync)"
    if "io.temporal" in joined or "io.grpc" in joined or "io.netty" in joined:
        return "Temporal (server, worker, gRPC)"
    return "other (start-up, CLI, reports)"


counts = collections.Counter()
total = 0
for block in open(sys.argv[1]).read().split("jdk.ExecutionSample")[1:]:
    frames = FRAME.findall(block)
    if not frames:
        continue
    total += 1
    counts[stage(frames)] += 1
for name, count in counts.most_common():
    print(f"  {name}: {count * 100 / total:.1f}% ({count} samples)")
print(f"  samples: {total} (Java threads only; JIT and GC threads are not sampled)")
