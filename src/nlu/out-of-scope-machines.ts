// Out-of-scope sentences about machines rather than containers: virtual machines, hypervisors and
// hardware to buy. "VM" is a word of the container topic too ("is a container a lightweight VM?"),
// so without these a question about VMs themselves ("which laptop for running VMs?") was answered
// with "What a Docker container is". Written by hand; none is taken from test/fixtures.
export const virtualMachines = [
  'which laptop should I get for running virtual machines',
  'how much RAM do I need to run a few VMs at once',
  'best CPU for virtualization in a home lab',
  'VirtualBox VM will not start after a Windows update',
  'how do I give my VMware guest more memory',
  'Hyper-V vs VirtualBox, which one is faster',
  'enable VT-x in the BIOS so virtual machines run',
  'is a MacBook good for running Linux VMs',
  'setting up a Proxmox cluster for my homelab',
  'how to grow the disk of a KVM virtual machine',
  'my VM is really slow on my laptop, how can I speed it up',
  'recommend a mini PC for a homelab full of virtual machines',
  'how do I set up bridged networking in VirtualBox',
  'UTM or Parallels for running Windows on an M1 Mac',
  'how many cores should I assign to a VM',
  'QEMU guest has no network connection',
  'vagrant up hangs at SSH auth method: private key',
  'how to take a snapshot of a VMware virtual machine',
  'GPU passthrough to a virtual machine on proxmox',
  'ESXi host shows the VM as inaccessible',
];

export const hardware = [
  'what is the best laptop for programming',
  'is 16 GB of RAM enough for a developer laptop',
  'which SSD should I buy for a small home server',
  'best monitor for coding all day',
  'Ryzen or Intel for a build server at home',
  'which graphics card is good for machine learning',
  'can a Raspberry Pi 5 replace my old home server',
  'what specs do I need for a gaming PC',
];
