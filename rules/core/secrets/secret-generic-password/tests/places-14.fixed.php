<?php

final class Seal
{
    public static function seal(string $payload, string $nonce): string
    {
        // A cipher call's key material through a decoder.
        // expect: secret-generic-password@74-138
        return sodium_crypto_secretbox($payload, $nonce, sodium_hex2bin(getenv('ENCRYPTION_KEY')));
    }

    public static function open(string $box, string $nonce): string
    {
        // expect-not: secret-generic-password
        return sodium_crypto_secretbox_open($box, $nonce, sodium_hex2bin(getenv('SEAL_KEY')));
    }
}
