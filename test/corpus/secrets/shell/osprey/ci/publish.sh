#!/usr/bin/env bash
set -euo pipefail

# internal packages: the portal UI kit (npm), the AIS parser (PyPI), the tariff gem, the helm charts
npm config set //npm.pkg.github.com/:_authToken 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
npm publish --registry https://npm.pkg.github.com

twine upload --non-interactive -u __token__ -p pypi-AgEIcHlwaS5vcmcCJ3mhrm-hm17Vv8uEXq2IQUBFmcgmuyUjSZkHVNbUGlUrkaE-gRWLKSlWjr1BODYCzsGvvXlpSfCrBjpd7Kz1DVco1jRnt4PxIiVAB4VzSG0ww_-WIQBca_V9nI5IyaW22Gi dist/*

GEM_HOST_API_KEY=rubygems_e1274555caf2cfcc3e91c2fda1f2d1dd98d4dd31bd139cad gem push pkg/osprey-tariffs-*.gem

docker login registry.gitlab.com -u osprey-deploy -p gldt-o76Lig3uz0QgKqWxVAjK
git clone "https://oauth2:glpat-ecfMlTaFTeXE-MYuJFoZ@gitlab.com/osprey-port/charts.git" /tmp/charts
