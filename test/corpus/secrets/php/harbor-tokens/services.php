<?php

return [
    'twilio' => ['sid' => 'AC6e3092bf46c07738bab95d90d5118d93', 'auth' => 'SK86cf4a7a4903fb8337ec562c64908fe2'],
    'amqp' => 'amqp://harbor:Y1ANjpZt5naNasl7dzRk@mq.harbor.internal:5672/%2f',
    'smtp' => 'smtp://dispatch@harbor.example:' . getenv('SMTP_PASSWORD') . '@smtp.harbor.example:587',
    'support_email' => 'dispatch@harbor.example',
];
