<?php
$password = getenv('DB_PASSWORD');
$secret = $_ENV['APP_SECRET'] ?? null;
$key = config('services.mailgun.secret');
const TOKEN_HEADER = 'X-Auth-Token';
