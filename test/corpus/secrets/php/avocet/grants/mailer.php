<?php
use Symfony\Component\Mailer\Transport;

final class GrantMailer
{
    private const REVIEWER_INVITE_TEMPLATE = 'reviewer-invite';

    public function __construct(
        private readonly string $smtpUser = 'grants@avocet.bio',
        private readonly string $smtpPassword = 'NHnwz_MlheYuxSV~2531',
    ) {
    }

    public function transport(): \Symfony\Component\Mailer\Transport\TransportInterface
    {
        return Transport::fromDsn(sprintf('smtp://%s:%s@smtp.office365.com:587', urlencode($this->smtpUser), urlencode($this->smtpPassword)));
    }
}
