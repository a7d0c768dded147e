#!/usr/bin/env bash
# Release the self-care portal: build, upload source maps, publish the SDK, back up the DB first.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=$(jq -r .version package.json)

# 1. backup before migrations
pg_dump --format=custom --file="/backups/selfcare-${VERSION}.dump" \
  --dbname=postgresql://selfcare_owner:8LDdpYsPaePEp3PwIQAe~t@selfcare-db.dunlin.net:5432/selfcare
restic -r rest:https://restic:HbUElitxOOFJvQLJ2aLN@backup.dunlin.net:8000/selfcare backup /backups

# 2. build and upload source maps
npm ci && npm run build
SENTRY_AUTH_TOKEN=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 npx @sentry/cli sourcemaps upload --release "$VERSION" dist/

# 3. publish the SDK for the mobile team
echo "//registry.npmjs.org/:_authToken=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" > ~/.npmrc
npm publish --workspace packages/selfcare-sdk --access restricted

# 4. tell billing mediation about the release
curl -fsS --user 'api:key-2916f09f687f69c90e42b243c80fabd1' \
  https://api.eu.mailgun.net/v3/mg.dunlin.net/messages \
  -F from='releases@dunlin.net' -F to='billing-mediation@dunlin.net' -F subject="selfcare ${VERSION} released" -F text='see CHANGELOG'

# 5. upload the CDR replay set for the staging mediation
curl -fsS -T fixtures/cdr-replay.tar.gz sftp://staging-cdr:5GQguL2~LVk.F~.2Kh@sftp.staging.dunlin.net/in/
supabase login --token sbp_e345725f340d5af2a560fa4ff4f91e16d5729359
