<?php

return [
    'name' => 'billing',
    'app_key' => 'base64:qhMGEJdaThf8yGZvzpoivctXevHXUik77l4vCuTR',
    'db_password' => env('DB_PASSWORD', 'o4xMgM!bdq#Ivm7%'),
    'mail_password' => env('MAIL_PASSWORD'),
    'api_key_header' => 'X-Api-Key',
    'cipher' => 'AES-256-CBC',
];

$apiKey = getenv('API_KEY');
$secret = "dRckkE6LnO3DxQ";
$options = ['password' => 'RprXsiAwKYADC2bYUl0z9', 'timeout' => 10];

define('AUTH_KEY', 'z3wEcr!umf#9HX5%CwSnO7so');
define('DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD'));
