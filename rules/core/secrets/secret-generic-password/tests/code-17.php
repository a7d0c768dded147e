<?php
// Batch 17 (learn17-code): an account's id looked up by name (`…_sid`), then its secret literal.
// expect: secret-generic-password@61-93
$sms = new SmsClient(get_option('ledger_sms_account_sid'), '31268c3400b784bd5ed40f952f7c5c5d');

// A looked-up region is no id: the literal after it says nothing by its place.
// expect-not: secret-generic-password
$geo = new GeoClient(get_option('ledger_geo_region'), 'ledger-geo-cache-v2');
