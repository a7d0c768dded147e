<?php

declare(strict_types=1);

use Firebase\JWT\JWT;
use Firebase\JWT\Key;
use PHPUnit\Framework\TestCase;

final class PortalTokenTest extends TestCase
{
    private const EXPIRED_PORTAL_TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwb3J0YWwtY3VzdG9tZXItOTAxMiIsImlzcyI6Imh0dHBzOi8vYXV0aC50ZXJuLWVuZXJneS5leGFtcGxlIiwiaWF0IjoxNzc1Nzk1NjUwLCJleHAiOjE4MDczMzE2NTB9.TaNVPrnYyehsFzxXQF3ZePKNlR4VpKVluCjCheQtKVo';
    private const PASSWORD_HASH = '$2b$12$ppnCczhgHFpHsY33zfmNFTM6RXoVNUx5xb/s25i8KuwUVnyDTSelp';

    public function testExpiredTokenIsRejected(): void
    {
        $this->expectException(\Firebase\JWT\ExpiredException::class);
        JWT::decode(self::EXPIRED_PORTAL_TOKEN, new Key((string) getenv('PORTAL_JWT_SECRET'), 'HS256'));
    }

    public function testHashStillVerifies(): void
    {
        self::assertTrue(password_verify((string) getenv('TEST_PORTAL_PASSWORD'), self::PASSWORD_HASH));
    }
}
