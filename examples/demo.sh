#!/usr/bin/env bash
# Demo: start moto (a real Secrets Manager implementation) on loopback,
# create a secret with two versions, and use update-secret-version-stage to
# roll AWSCURRENT back to the old version and forward again, showing the
# labels after each step. Run from anywhere: examples/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-venv
cargo build --release --locked --quiet
bin=$PWD/target/release/update-secret-version-stage
py=$PWD/.venv/bin/python

port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill "$moto" 2>/dev/null; wait "$moto" 2>/dev/null' EXIT
"$py" - "$port" <<'PY'
import socket, sys, time
deadline = time.time() + 30
while True:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        break
    except OSError:
        if time.time() > deadline:
            sys.exit("moto did not start")
        time.sleep(0.1)
PY

export AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo AWS_DEFAULT_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
OLD=11111111-1111-1111-1111-111111111111
NEW=22222222-2222-2222-2222-222222222222

sm() {  # a Secrets Manager call through boto3 (installed with moto)
  "$py" - "$@" <<'PY'
import json, sys, boto3
sm = boto3.client("secretsmanager")
op, args = sys.argv[1], json.loads(sys.argv[2])
result = getattr(sm, op)(**args)
if op == "list_secret_version_ids":
    for v in sorted(result["Versions"], key=lambda v: v["VersionId"]):
        print(f'    {v["VersionId"]}  {", ".join(sorted(v.get("VersionStages", []))) or "-"}')
PY
}
labels() { echo "  labels now:"; sm list_secret_version_ids '{"SecretId": "demo/db-password"}'; }

echo "== a secret with two versions (rotation put the new one in AWSCURRENT)"
sm create_secret "{\"Name\": \"demo/db-password\", \"SecretString\": \"old-password\", \"ClientRequestToken\": \"$OLD\"}"
sm put_secret_value "{\"SecretId\": \"demo/db-password\", \"SecretString\": \"new-password\", \"ClientRequestToken\": \"$NEW\"}"
labels

echo
echo "== roll back: move AWSCURRENT to the old version"
echo "\$ update-secret-version-stage --secret-id demo/db-password --version-stage AWSCURRENT --move-to-version-id $OLD --remove-from-version-id $NEW --output table"
"$bin" --secret-id demo/db-password --version-stage AWSCURRENT \
  --move-to-version-id "$OLD" --remove-from-version-id "$NEW" --output table
labels

echo
echo "== roll forward again"
echo "\$ update-secret-version-stage --secret-id demo/db-password --version-stage AWSCURRENT --move-to-version-id $NEW --remove-from-version-id $OLD"
"$bin" --secret-id demo/db-password --version-stage AWSCURRENT \
  --move-to-version-id "$NEW" --remove-from-version-id "$OLD"
labels

echo
echo "== a mistake is refused, changes nothing, and says why (exit code 254)"
echo "\$ update-secret-version-stage --secret-id demo/db-password --version-stage AWSCURRENT --move-to-version-id $OLD"
set +e
"$bin" --secret-id demo/db-password --version-stage AWSCURRENT --move-to-version-id "$OLD"
echo "  exit code: $?"
set -e
labels
