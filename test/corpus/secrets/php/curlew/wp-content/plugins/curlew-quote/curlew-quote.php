<?php
/**
 * Plugin Name: Curlew Quote
 * Description: Home and motor quote forms for the public website, with callback booking.
 */

defined('ABSPATH') || exit;

use GuzzleHttp\Client;
use Twilio\Rest\Client as TwilioClient;

const CURLEW_QUOTE_API = 'https://api.curlew-insurance.example/quote/v2';
const CURLEW_QUOTE_NONCE = 'curlew_quote_submit';

final class Curlew_Quote_Api
{
    private Client $http;

    public function __construct()
    {
        $this->http = new Client([
            'base_uri' => CURLEW_QUOTE_API,
            'headers'  => [
                'X-Curlew-Api-Key' => '0xmxq2UiY9TvdcGlyruJLWOSxCbrE68Q',
                'Accept'           => 'application/json',
            ],
            'timeout'  => 8,
        ]);
    }

    public function callback(string $phone): void
    {
        $twilio = new TwilioClient(get_option('curlew_twilio_sid'), 'ac772eabf498c64dfb4d611a928b7b98');
        $twilio->calls->create($phone, '+442071234500', ['url' => 'https://cti.curlew-insurance.example/twiml/callback']);
    }

    public function preview_token(): string
    {
        return 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtaDBkc3B4IiwiaXNzIjoiY3VybGV3LWF1dGgiLCJhdWQiOiJjdXJsZXctYXBpIiwiaWF0IjoxNzk2Njc1MzA1LCJleHAiOjE4MjgyMTEzMDUsImp0aSI6IjVmYjc0ZDdiLWI1YjYtNDc4Ny05YTI5LTRmNDUyZDAwNjlhZCJ9.bpJtDHoKosEawyjLkbeWLrfYO9qPTz3j_Dy95x5Io1E';
    }

    public function crm(): \HubSpot\Discovery\Discovery
    {
        return \HubSpot\Factory::createWithAccessToken('pat-eu1-1c7549a7-6314-43b3-aca5-05fb16ef9b45');
    }
}

add_action('phpmailer_init', function (PHPMailer\PHPMailer\PHPMailer $mailer): void {
    $mailer->isSMTP();
    $mailer->Host = 'smtp.eu.mailgun.org';
    $mailer->SMTPAuth = true;
    $mailer->Username = 'quotes@mg.curlew-insurance.example';
    $mailer->Password = '1niBwwZ+hYADj~zAmAby';
});

function curlew_quote_db(): PDO
{
    return new PDO('sqlsrv:Server=sql01.curlew.local;Database=Quotes', 'quote_web', 'nQ4Ty35-c1QOnxKd7R');
}

function curlew_geo_headers(): array
{
    return ['Authorization: Bearer ' . 'sk.eyJ1IjoiY3VybGV3LWdpcyIsImEiOiJEb0VtmL5nRoT0kSHS3uLHkf7OUIn0.fqWYY277hYYJrfZqAsSgiU'];
}

add_filter('curlew_quote_cache_dsn', static fn (): string => 'redis://quote-cache:w4AxoJTlm6~B2I91BL@cache01.curlew.local:6379/3');

$recaptcha_site_key = '6Lcffb7PvovYBQup81bpGnUqG5rAAAAAAAB';
$curlew_password_min_length = 12;
