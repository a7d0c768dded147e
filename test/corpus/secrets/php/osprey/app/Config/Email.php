<?php

namespace Config;

use CodeIgniter\Config\BaseConfig;

class Email extends BaseConfig
{
    public string $fromEmail = 'noreply@osprey-port.com';
    public string $fromName = 'Osprey Port';
    public string $protocol = 'smtp';
    public string $SMTPHost = 'smtp.osprey-port.com';
    public string $SMTPUser = 'noreply@osprey-port.com';
    public string $SMTPPass = '4q-TpGGgtzIbQd-8OK*T';
    public int $SMTPPort = 587;
    public string $SMTPCrypto = 'tls';
}
