#!/usr/bin/env bash
# Nightly build on the Unreal farm agents: sync, cook, package, upload to Steam and the artifact store.
set -euo pipefail

: "${P4PORT:=ssl:perforce.plover.internal:1666}"
export P4USER=build-farm

P4PASSWD='KgJCNxFUa+HT3hewCV' p4 -c farm-nightly sync //arena/main/...@"${CHANGELIST:-now}"

RunUAT.sh BuildCookRun -project=Arena.uproject -platform=Linux -server -cook -stage -pak -archive \
  -archivedirectory=/farm/out/"${BUILD_ID}"

# Archive symbols with a password (opened by the crash triage tool).
7z a -t7z -mhe=on -p'Gibf.5SI=b!4nOxnRYq+' "/farm/out/${BUILD_ID}-symbols.7z" /farm/out/"${BUILD_ID}"/Symbols

steamcmd +login plover_builder '19zmdhOb3BJs!_Q!0_' \
  +run_app_build /farm/steam/app_build_1844210.vdf +quit

AWS_ACCESS_KEY_ID=AKIA6UAORQAMAPNOPALM \
AWS_SECRET_ACCESS_KEY=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 \
  aws s3 cp "/farm/out/${BUILD_ID}" "s3://plover-builds/nightly/${BUILD_ID}" --recursive

SENTRY_AUTH_TOKEN=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 sentry-cli debug-files upload --org plover-games --project arena "/farm/out/${BUILD_ID}/Symbols"

curl -fsS -X POST "https://plover.sp.backtrace.io:6098/post?format=symbols&token=fe4c7f9655bb8aec052a96818461d640f8368d5244a6ad23ac3dbe9b8d05a2f9" \
  --data-binary @"/farm/out/${BUILD_ID}/symbols.zip"

git clone "https://farm-bot:EmoWannHJY3ucPXm4LnyKG.8@git.plover.internal/tools/pipeline-scripts.git" /farm/scripts
curl -fsS "ftp://symbols:rvdyLWUNxCP9CK24j6@ftp.plover.internal/incoming/" -T "/farm/out/${BUILD_ID}/symbols.zip"

SIGNING_SHA256="5be82aab94c2cc7be3076b20da459d08e54a3fe240e46b9f6c173ca55b9fdd63"
echo "done ${SIGNING_SHA256}"
