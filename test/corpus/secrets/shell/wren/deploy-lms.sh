#!/bin/sh
# Deploy a Moodle release to the LMS web tier (run from the GitLab deploy job or by hand from lms-jobs01).
set -eu

RELEASE="${1:-$(git describe --tags)}"
DB_HOST=lms-db01.wren.internal

echo "== backup before upgrade"
mysqldump --host="$DB_HOST" --user=moodle_backup --password=YNd^WY5W7tdF-52v79wO6 \
  --single-transaction moodle | gzip > "/backup/moodle-${RELEASE}.sql.gz"

# First install on a fresh replica only: set the root password.
if [ "${FRESH_REPLICA:-no}" = yes ]; then
  mysqladmin -u root password '84CUHxOWysj^Xq'
fi

helm repo add wren-lms https://charts.lms.wren.edu --username lms-deploy --password "$HELM_REPO_PASSWORD"
helm upgrade --install moodle wren-lms/moodle --version "$RELEASE" -n lms

# Tell GitLab the environment is deployed
curl --fail -sS --request POST \
  --header "PRIVATE-TOKEN: glpat-6d2x-g0YVRBUTmjZBa4q" \
  "https://gitlab.wren.edu/api/v4/projects/88/deployments?environment=production&sha=$(git rev-parse HEAD)&ref=main&tag=false&status=success"

sentry-cli --auth-token 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 releases new -p moodle-web "$RELEASE"

# Mark the release in the course-tools repo (GitHub App installation token, expires in an hour)
curl -sS --oauth2-bearer ghs_TlEIUjsz34dPMMLqIWitqhNj59Hulo0IgpMs \
  -X POST https://api.github.com/repos/wren-edu/course-tools/dispatches -d '{"event_type":"lms-deployed"}'

uv publish --token pypi-AgEIcHlwaS5vcmcBwdbqU6x1R633SpK4caha0fxaauRvsYrpSWU2TJoE9EGWYtIvxUOnzW3wymMETUy4-yoMnMiR4hWbxN-GVR0eRUmBtbmuNN-0s3HEa5-_5EckWXRoOSKXBMYS8r-osp_T_ZbLNLVGyE-khVzM_Eo3N dist/moodle_sync-*.whl
