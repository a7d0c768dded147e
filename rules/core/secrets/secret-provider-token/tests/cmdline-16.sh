#!/bin/sh
# An Azure storage account key after a blank (az's --account-key), not only after `=` or `:`.
# expect: secret-provider-token@68-156
az storage blob upload-batch --account-name labdata --account-key 'RAS0Uph1bMepe6ZovZ0T/38Z/lyCFxDg0+nzagE3CZ4Tnry5OaC/W8XvtUnKGDZR58pWLziJFpJxXmATWcayeK==' --destination landing --source ./out
# expect-not: secret-provider-token
az storage blob list --account-name labdata --account-key "$AZURE_STORAGE_KEY" --container-name landing
