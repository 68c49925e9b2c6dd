//! Create a bucket, set its ACL, create an access point, then put and get an object through
//! the access point's alias.
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! With `OSS_ENDPOINT`, `OSS_REGION` and credentials (`OSS_ACCESS_KEY_ID`,
//! `OSS_ACCESS_KEY_SECRET`, optionally `OSS_SESSION_TOKEN`) in the environment it runs
//! against them; otherwise against a local OSS-compatible server started in-process.
//! `OSS_BUCKET` names the bucket (default: a new `ossio-quickstart-<time>`).

use ossio::ops::{
    CreateAccessPoint, DeleteAccessPoint, DeleteBucket, DeleteObject, GetAccessPoint, GetBucketAcl,
    GetObject, NetworkOrigin, PutAccessPointPolicy, PutBucket, PutBucketAcl, PutObject,
};
use ossio::{Acl, Client, Credentials};
use std::io::Read;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let remote =
        std::env::var_os("OSS_ENDPOINT").is_some() && std::env::var_os("OSS_REGION").is_some();
    // Keeps the local server running until the end of main.
    let mut _local = None;
    let client = if remote {
        Client::from_env()?
    } else {
        let server = ossio_server::start(ossio_server::ServerConfig::new())?;
        println!("local OSS-compatible server at {}", server.endpoint());
        let client = Client::builder(server.region())
            .endpoint(&server.endpoint())
            .credentials(Credentials::new(
                ossio_server::DEFAULT_ACCESS_KEY_ID,
                ossio_server::DEFAULT_ACCESS_KEY_SECRET,
            ))
            .build()?;
        _local = Some(server);
        client
    };
    println!("client: {client:?}");

    let secs = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let bucket = std::env::var("OSS_BUCKET").unwrap_or_else(|_| format!("ossio-quickstart-{secs}"));
    let ap_name = format!("qs-{}", secs % 100_000_000);

    client.put_bucket(&PutBucket::new(&bucket))?;
    println!("created bucket {bucket}");

    client.put_bucket_acl(&PutBucketAcl::new(&bucket, Acl::Private))?;
    let acl = client.get_bucket_acl(&GetBucketAcl::new(&bucket))?;
    println!("bucket ACL: {}", acl.acl.as_str());

    let ap = client.create_access_point(&CreateAccessPoint::new(
        &bucket,
        &ap_name,
        NetworkOrigin::Internet,
    ))?;
    println!(
        "created access point {ap_name}: alias {}, ARN {}",
        ap.alias, ap.access_point_arn
    );

    // OSS creates access points asynchronously: wait until it is enabled.
    let deadline = Instant::now() + Duration::from_secs(300);
    let info = loop {
        let info = client.get_access_point(&GetAccessPoint::new(&bucket, &ap_name))?;
        if info.status == "enable" || Instant::now() > deadline {
            break info;
        }
        std::thread::sleep(Duration::from_secs(5));
    };
    println!("access point status: {}", info.status);

    // Let the account use objects through the access point.
    let policy = format!(
        r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Action":["oss:*"],"Principal":["{account}"],"Resource":["{arn}","{arn}/object/*"]}}]}}"#,
        account = info.account_id,
        arn = ap.access_point_arn,
    );
    client.put_access_point_policy(&PutAccessPointPolicy::new(&bucket, &ap_name, policy))?;

    let put = client.put_object(
        &PutObject::new(&ap.alias, "hello.txt")
            .bytes(b"Hello from ossio through an access point!".to_vec())
            .content_type("text/plain"),
    )?;
    println!(
        "put hello.txt via {}: etag {:?}, crc64 {:?}",
        ap.alias, put.etag, put.crc64
    );

    let mut reader = client.get_object(&GetObject::new(&ap.alias, "hello.txt"))?;
    let mut text = String::new();
    reader.read_to_string(&mut text)?;
    println!(
        "got hello.txt ({:?} bytes): {text}",
        reader.meta().meta.content_length
    );

    // Clean up (on OSS, deleting an access point takes a while; the bucket may outlive it).
    client.delete_object(&DeleteObject::new(&bucket, "hello.txt"))?;
    client.delete_access_point(&DeleteAccessPoint::new(&bucket, &ap_name))?;
    match client.delete_bucket(&DeleteBucket::new(&bucket)) {
        Ok(_) => println!("deleted access point and bucket"),
        Err(e) => println!("deleted access point; bucket kept for now: {e}"),
    }
    Ok(())
}
