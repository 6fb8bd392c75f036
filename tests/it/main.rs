//! The one integration-test binary: the real binary against real servers
//! on loopback (moto for Secrets Manager, a scripted server for transport
//! faults).

mod examples;
mod fakesrv;
mod golden;
mod harness;
mod transport;
