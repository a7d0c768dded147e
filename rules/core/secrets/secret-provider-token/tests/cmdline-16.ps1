# An Azure storage account key after a blank: PowerShell's -StorageAccountKey.
# expect: secret-provider-token@77-165
$ctx = New-AzStorageContext -StorageAccountName labdata -StorageAccountKey "RAS0Uph1bMepe6ZovZ0T/38Z/lyCFxDg0+nzagE3CZ4Tnry5OaC/W8XvtUnKGDZR58pWLziJFpJxXmATWcayeK=="
