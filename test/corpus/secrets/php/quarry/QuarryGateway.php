<?php

declare(strict_types=1);

namespace Quarry\Dispatch;

final class QuarryGateway
{
    public const API_KEY = 'MKdF6FxcNhgpDcUGQnwSJK76MqaGBGLM';
    public const API_KEY_HEADER = 'X-Quarry-Key';

    private string $token;

    public function __construct()
    {
        $this->token = $_ENV['QUARRY_TOKEN'] ?? 'jEpL7nxD7xDcm7kVXmavtIXsr1uy6tMHEOVjnoQX';
        putenv('QUARRY_WEBHOOK_SECRET=d2d9e04a33c385a396c8f0bf0770524bed253fd1');
    }

    public function options(): array
    {
        return [
            'auth' => ['dispatch', 'ykdPl~1+e56pDZLFxM2t'],
            'headers' => ['X-Request-Id' => '8a6e0804-2bd0-4672-b79d-d97027f9071a'],
        ];
    }

    public static function config(): array
    {
        return array(
            'client_secret' => "2dQGIQ2yQkSU9wIzdXb2bgnXmyp9C-e2zrlj6lyC",
            'password_reset_ttl' => 3600,
            'secret_name' => 'quarry/prod/dispatch',
        );
    }
}

$messages = ['password.required' => 'Please enter your password'];
$apiSecret = getenv('QUARRY_API_SECRET');
