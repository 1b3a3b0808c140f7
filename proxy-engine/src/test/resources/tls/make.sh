#!/bin/sh
# Regenerates the TLS test fixtures (run once, committed): a test CA, server certificates whose
# private keys use each PEM form HAProxy accepts, and a client certificate. Valid for 100 years.
set -e
cd "$(dirname "$0")"
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days $days -subj "/CN=Tollgate Test CA" \
    -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
leaf() { # name, key options, subject CN, SAN list
    openssl req -new -newkey "$2" -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$3" 2>/dev/null
    printf 'subjectAltName=%s\nbasicConstraints=CA:false\nextendedKeyUsage=serverAuth,clientAuth\n' "$4" > "$1.ext"
    openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days $days -extfile "$1.ext" -out "$1.crt" 2>/dev/null
    rm -f "$1.csr" "$1.ext"
}
# localhost: PKCS#8 key ("PRIVATE KEY"), key after the chain
leaf localhost rsa:2048 localhost "DNS:localhost,IP:127.0.0.1"
cat localhost.crt ca.pem localhost.key > localhost.pem
# a.example: PKCS#1 key ("RSA PRIVATE KEY"), key before the certificate
leaf a rsa:2048 a.example "DNS:a.example,DNS:*.a.example"
openssl rsa -in a.key -traditional -out a.rsa.key 2>/dev/null
mkdir -p sni
cat a.rsa.key a.crt > sni/a.pem
# b.example: EC key in SEC1 form ("EC PRIVATE KEY" with its EC PARAMETERS block)
openssl ecparam -name prime256v1 -genkey -out b.key 2>/dev/null
openssl req -new -key b.key -out b.csr -subj "/CN=b.example" 2>/dev/null
printf 'subjectAltName=DNS:b.example\nbasicConstraints=CA:false\nextendedKeyUsage=serverAuth\n' > b.ext
openssl x509 -req -in b.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days $days -extfile b.ext -out b.crt 2>/dev/null
rm -f b.csr b.ext
cat b.crt b.key > sni/b.pem
# a key that is not the certificate's, and a file that is not PEM
cat a.crt b.key > mismatch.pem
printf 'not a certificate\n' > garbage.pem
# client: a certificate signed by the test CA, for client-certificate verification
leaf client rsa:2048 "Test Client" "DNS:client.test"
cat client.crt client.key > client.pem
rm -f *.key *.crt ca.srl
