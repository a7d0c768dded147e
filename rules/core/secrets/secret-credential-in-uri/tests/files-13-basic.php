<?php
$context = stream_context_create([
    'http' => [
        // expect: secret-credential-in-uri@73-93
        'header' => 'Authorization: Basic ' . base64_encode('files-user:VspPLB8QPDtK5tQ2I21T'),
    ],
]);
// expect-not: secret-credential-in-uri
$header = 'Authorization: Basic ' . base64_encode($user . ':' . $password);
