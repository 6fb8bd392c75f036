//! The one integration-test binary: the real binary against real servers
//! on loopback (moto for Secrets Manager, a scripted server for transport
//! faults).

mod completion;
mod examples;
mod fakesrv;
mod faults;
mod golden;
mod harness;
mod input;
mod load;
mod manual;
mod output;
mod prompt;
mod properties;
mod pty;
mod transport;
mod version;
