<?php

class Email
{
    public string $SMTPUser = 'noreply@tugboat.test';
    // An acronym before `Pass` separates it as `_` would.
    // expect: secret-generic-password@32-50
    public string $SMTPPass = '6jBQZXZh64shqYf0zV';
    // expect-not: secret-generic-password
    public string $SMTPPassFromEnv = '';
    public int $SMTPPort = 587;
}
