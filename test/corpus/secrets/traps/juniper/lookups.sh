#!/bin/sh
DB_PASSWORD="$(aws ssm get-parameter --name /market/db/password --with-decryption --query Parameter.Value --output text)"
API_TOKEN="${API_TOKEN:?API_TOKEN must be set}"
curl -u "deploy:${DEPLOY_PASSWORD}" https://nexus.juniper-agri.example/
psql "postgres://market@pg.internal:5432/market"
