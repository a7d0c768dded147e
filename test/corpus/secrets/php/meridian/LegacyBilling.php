<?php
declare(strict_types=1);

namespace Meridian\Legacy;

final class LegacyBilling
{
    public const TOKEN_HEADER = 'X-Billing-Token';
    private const SECRET_NAME = 'legacy-billing';

    private \PDO $pdo;

    public function __construct(private readonly string $apiToken = 'CoEJ5pxE8fk77dpfK7OEfTGlbPTkjZ9H')
    {
        $this->pdo = new \PDO(
            'mysql:host=legacy-db;dbname=billing;charset=utf8mb4',
            'billing',
            'YCQRSUT8YaYan0TP5U_5kHd',
            [\PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION]
        );
    }

    public function exportToSftp(): void
    {
        $sftp = new \phpseclib3\Net\SFTP('sftp.clearinghouse.example');
        if (!$sftp->login('meridian', getenv('SFTP_PASSWORD'))) {
            throw new \RuntimeException('sftp login failed');
        }
        $ch = curl_init('https://api.billing-partner.example/v2/export');
        curl_setopt($ch, CURLOPT_USERPWD, 'meridian:DJIIo5Ko4SPrGFliIf~3r8q');
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['X-Request-Id: 8ba9c732-7f2c-4cce-b97f-3b8627cfb011']);
    }
}
