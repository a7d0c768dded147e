<?php

final class Calls15
{
    public function signer(): callable
    {
        // A named argument's value is read like a positional one.
        // expect: secret-generic-password@91-155
        return static fn (string $payload): string => hash_hmac('sha512', $payload, key: getenv('HMAC_KEY'));
    }

    public function signerFromEnv(): callable
    {
        // expect-not: secret-generic-password
        return static fn (string $payload): string => hash_hmac('sha512', $payload, key: getenv('SHOP_SIGNING_KEY'));
    }
}
