<?php

final class Integrations
{
    public static function sign(string $body): string
    {
        // expect: secret-generic-password@44-88
        return hash_hmac('sha256', $body, getenv('HMAC_KEY'));
    }

    public static function upload(): void
    {
        $conn = ftp_connect('ftp.example.test');
        // expect: secret-generic-password@35-55
        ftp_login($conn, 'drop', getenv('PASSWORD'));
    }

    public static function bridge($user): void
    {
        $c = ssh2_connect('bridge.example.test', 22);
        // expect: secret-generic-password@40-60
        ssh2_auth_password($c, $user, getenv('PASSWORD'));
    }

    public static function quiet($conn, $user, $pass, $key, string $body): void
    {
        // expect-not: secret-generic-password
        ftp_login($conn, $user, $pass);
        // expect-not: secret-generic-password
        hash_hmac('sha256', $body, $key);
        // expect-not: secret-generic-password
        ftp_login($conn, $user, 'Reservations');
    }
}
