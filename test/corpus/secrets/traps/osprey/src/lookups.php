<?php

return [
    'stripe' => ['secret' => env('STRIPE_SECRET'), 'webhook_tolerance' => 300],
    'db_password' => getenv('DB_PASSWORD'),
    'mail_password' => $_ENV['MAIL_PASSWORD'] ?? null,
    'token_header' => 'X-Osprey-Token',
    'password_timeout' => 10800,
];
