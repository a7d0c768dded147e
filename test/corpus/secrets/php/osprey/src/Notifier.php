<?php

namespace Osprey\Portal;

use Doctrine\DBAL\DriverManager;
use PHPMailer\PHPMailer\PHPMailer;

final class Notifier
{
    public function mailer(): PHPMailer
    {
        $mail = new PHPMailer(true);
        $mail->isSMTP();
        $mail->Host = 'smtp.osprey-port.com';
        $mail->SMTPAuth = true;
        $mail->Username = 'notifications@osprey-port.com';
        $mail->Password = 'u86n*Px~k-jz!wvra7';
        $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;
        $mail->Port = 587;
        return $mail;
    }

    public function billing(): \Doctrine\DBAL\Connection
    {
        return DriverManager::getConnection(['url' => 'pdo-mysql://billing:MRcA4~WrIPHvC1xu2SESfT@mysql.osprey.internal:3306/billing?charset=utf8mb4']);
    }
}
