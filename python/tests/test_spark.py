"""Spark in local mode: mapInPandas over the package and rdd.pipe over the
binary give the same records as `avis score` on one machine, in any partitioning."""

import importlib.util
import json
import subprocess

import pytest

from conftest import REPO, THREAD

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")

TOPIC = REPO / "lexicons" / "topic-consultation-2015.toml"
REPEATS = 60  # 45 records x 60 = 2,700


def _example():
    """python/examples/spark_score.py, the example the README shows."""
    path = REPO / "python" / "examples" / "spark_score.py"
    spec = importlib.util.spec_from_file_location("spark_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def example():
    return _example()


@pytest.fixture(scope="module")
def spark(example):
    session = example.spark_session(cores=2)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """The bundled thread repeated, each copy with its own ids, as a JSON Lines file."""
    lines = [line for line in THREAD.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path_factory.mktemp("spark") / "thread.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for copy in range(REPEATS):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{copy}-{record['id']}"
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def expected(records, avis_binary):
    """What `avis score` writes for the file on one machine."""
    out = subprocess.run(
        [avis_binary, "score", "-q", "--topic", str(TOPIC), str(records)],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    assert len(out) == 45 * REPEATS
    return out


@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_map_in_pandas(spark, example, records, expected, partitions):
    got = example.by_package(spark, str(records), partitions, topic=str(TOPIC))
    assert len(got) == len(expected)
    assert example.same_records(got, expected)


@pytest.mark.parametrize("partitions", [1, 5])
def test_rdd_pipe(spark, example, records, expected, avis_binary, partitions):
    command = f"{avis_binary} score -q --topic {TOPIC}"
    got = example.by_binary(spark, str(records), partitions, command)
    assert len(got) == len(expected)
    assert example.same_records(got, expected)


def test_the_example_runs(records, avis_binary, capsys, spark):
    # The example's own main, as the README runs it (the session is shared).
    assert _example().main([str(records), "--avis", avis_binary, "--partitions", "3",
                            "--topic", "consultation-2015"]) == 0
    assert "same records: True" in capsys.readouterr().out
