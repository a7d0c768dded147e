<?php
// A PDO DSN names its driver first.
// expect: secret-credential-in-uri@83-104
$db = new PDO('pgsql:host=db.lab.test;port=5432;dbname=card;user=card_ro;password=V3J6RFkZsM-5JmTfmwuZi');
// expect-not: secret-credential-in-uri
$db = new PDO('pgsql:host=db.lab.test;port=5432;dbname=card', $user, getenv('DB_PASSWORD'));
