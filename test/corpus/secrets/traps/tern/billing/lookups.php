<?php
return [
    'hes_api_key' => env('HES_API_KEY'),
    'smtp_password' => getenv('SMTP_PASSWORD') ?: null,
    'stripe_secret' => $_ENV['STRIPE_SECRET_KEY'] ?? null,
    'password_reset_expire' => 60,
    'api_key_header' => 'X-HES-Api-Key',
];
