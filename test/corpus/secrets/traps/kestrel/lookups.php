<?php

return [
    'stripe' => ['secret' => env('STRIPE_SECRET')],
    'mailgun' => ['secret' => getenv('MAILGUN_SECRET'), 'domain' => 'mg.kestrel.tv'],
    'database_password' => $_ENV['DB_PASSWORD'] ?? null,
    'api_key_header' => 'X-Storefront-Key',
    'password_timeout' => 10800,
    'jwt_secret' => '%env(JWT_SECRET)%',
];
