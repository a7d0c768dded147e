<?php

final class Seal
{
    public static function seal(string $payload, string $nonce): string
    {
        // A cipher call's key material through a decoder.
        // expect: secret-generic-password@74-138
        return sodium_crypto_secretbox($payload, $nonce, sodium_hex2bin('7e2b20d14a697baab8fcfba1ef239f522f1401fd39cd7691a1399e35d9a86060'));
    }

    public static function open(string $box, string $nonce): string
    {
        // expect-not: secret-generic-password
        return sodium_crypto_secretbox_open($box, $nonce, sodium_hex2bin(getenv('SEAL_KEY')));
    }
}
