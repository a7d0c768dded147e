<?php

final class Calls15
{
    public function signer(): callable
    {
        // A named argument's value is read like a positional one.
        // expect: secret-generic-password@91-155
        return static fn (string $payload): string => hash_hmac('sha512', $payload, key: 'a9827641a0593b3b7dd315dba4e8dd617817650e7ffeda681364dd9d91772820');
    }

    public function signerFromEnv(): callable
    {
        // expect-not: secret-generic-password
        return static fn (string $payload): string => hash_hmac('sha512', $payload, key: getenv('SHOP_SIGNING_KEY'));
    }
}
